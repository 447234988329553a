/**
 * Negotiating texts: articles and numbered clauses with bracketed alternatives, a version on every save,
 * a clause-aware word-level redline, comments, each party's confidential position per clause, adoption by
 * the hash of a canonical form, and signatures. Public API: {@link org.parley.texts.Texts} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Negotiating texts")
package org.parley.texts;
