/** Official narcological-registry figures by year and region, next to the number of people on OAT. */
package org.ishenim.reform.registry;
