/**
 * What every feature stands on: accounts and roles, security, languages, errors and the database.
 * Features see only the types of this package; the sub-packages are its internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.parley.platform;
