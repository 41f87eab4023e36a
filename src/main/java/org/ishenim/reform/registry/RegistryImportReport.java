package org.ishenim.reform.registry;

import java.util.List;
import org.ishenim.reform.RowError;

/** The result of a registry import: rows stored (new or replacing the same region and year), and errors. */
record RegistryImportReport(int rowsRead, int stored, List<RowError> errors, boolean imported) {
}
