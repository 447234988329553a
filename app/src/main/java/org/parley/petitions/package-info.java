/**
 * Citizens' petitions: created by a citizen with a verified email, backed by supporters, moderated by the
 * process's mediator, signed with an emailed confirmation, with thresholds that make the addressed parties
 * respond in public, abuse defences, tallies on the public record, and a mail outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Petitions")
package org.parley.petitions;
