package org.ishenim.stock;

public record Site(SiteCode code, String name) {
}
