/** Court sentences with compulsory-treatment measures: template, validated import (CSV, XLSX) and analysis. */
package org.ishenim.reform.sentences;
