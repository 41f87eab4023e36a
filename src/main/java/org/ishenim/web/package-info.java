/**
 * Cross-cutting web concerns shared by every module: security, layout, problem details, i18n and the
 * clinic/hub role switch. A shared module ({@code @Modulithic(sharedModules = "web")}): every module may use its
 * public types; it uses no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.ishenim.web;
