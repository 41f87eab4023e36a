package org.ishenim.stock;

import org.ishenim.medicines.Medicine;
import org.ishenim.medicines.Milligrams;

public record Balance(SiteCode site, Medicine medicine, Milligrams balance) {
}
