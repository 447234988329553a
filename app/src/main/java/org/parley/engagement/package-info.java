/**
 * Citizens' engagement: public consultations that map opinion the Polis way. People write short
 * statements and vote agree, disagree or pass on others' under a pseudonymous id; the opinion map
 * ({@link org.parley.engagement.opinion}, plain Java) finds the opinion groups and the statements
 * that bridge them, recomputed in the background while votes arrive. Other features use
 * {@link org.parley.engagement.Consultations} and the records beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package org.parley.engagement;
