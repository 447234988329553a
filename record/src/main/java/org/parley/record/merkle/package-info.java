/**
 * RFC 9162 Merkle trees: leaf and node hashing, inclusion and consistency proofs built from any
 * {@link org.parley.record.merkle.HashReader}, and their verification by the RFC's algorithms
 * with transparency-dev/merkle's handling of edge cases.
 */
package org.parley.record.merkle;
