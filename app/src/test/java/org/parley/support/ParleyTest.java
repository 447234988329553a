package org.parley.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full Parley on a random port against the real embedded PostgreSQL. Every test class uses the same
 * properties, so Spring builds one context (and one database) for the whole run. Tests do not assume
 * a fresh database: each makes its own process or looks things up by name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/test-data", "parley.demo.password=" + ParleyTest.DEMO_PASSWORD})
public @interface ParleyTest {
    String DEMO_PASSWORD = "demo-password-1";
}
