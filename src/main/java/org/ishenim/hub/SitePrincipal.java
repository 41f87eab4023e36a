package org.ishenim.hub;

/** The authenticated caller of the site API: a site, known by its code. */
record SitePrincipal(String code) {

    static final String AUTHORITY = "ROLE_SITE";

    @Override
    public String toString() {
        return code;
    }
}
