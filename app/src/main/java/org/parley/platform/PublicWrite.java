package org.parley.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API endpoint that anyone may call without an account and that takes no identity from the caller
 * (no session, no bearer token, no CSRF token), and that may be called thousands of times a second:
 * a citizen's signature or vote. Such endpoints are found by a handler mapping of their own (the main
 * one compares a path with every mapping of the application) and served by a lean security chain that
 * permits them to everyone and runs none of the filters that look for an identity. Put it only on
 * endpoints that are public anyway; their own rules (rate limits, tokens) are the service's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicWrite {
}
