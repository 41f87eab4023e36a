package org.ishenim.reform.registry;

/** Official figures for one region and year: people on the narcological registry, new registrations, removals. */
record RegistryFigure(int year, String region, int onRegistry, int newRegistrations, int removals,
        boolean synthetic) {
}
