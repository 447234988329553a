/**
 * The demo process built from the plan's own tables, loaded once on the first start through the same
 * services as user input.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.parley.demo;
