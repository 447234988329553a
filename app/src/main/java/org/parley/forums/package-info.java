/**
 * Community forums: threads about a track, a petition, a consultation or a hearing, with replies in
 * sanitised rich text kept in their original language (moderators may add translations), reports that hide
 * a post after K of them until a moderator reviews it, a moderation queue, and mail to a thread's followers.
 * Citizens post under an email they proved (petitions' citizen passes); accounts post under their name and role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forums")
package org.parley.forums;
