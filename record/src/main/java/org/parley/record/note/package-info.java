/**
 * C2SP signed notes with Ed25519 keys in the Go {@code sumdb/note} key formats, and C2SP
 * tlog-cosignature/v1 timestamped cosignatures for witnesses.
 */
package org.parley.record.note;
