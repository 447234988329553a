package org.parley.petitions;

/** What the holder of a signature's emailed link sees: the petition, and whether the signature is confirmed or withdrawn. */
public record SignatureView(long processId, long petitionId, String petitionTitle, String name, boolean confirmed,
                            boolean withdrawn, boolean invalidated, boolean signable) {
}
