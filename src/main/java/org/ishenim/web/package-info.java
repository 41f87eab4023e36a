/**
 * Cross-cutting web concerns shared by every module: security, layout, problem details, i18n and the
 * clinic/hub role switch.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ishenim.web;
