package org.parley.publicrecord;

import java.util.Base64;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.parley.platform.Viewer;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.InclusionProof;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON helpers over the log: an entry with its inclusion proof, consistency proofs, the entries behind a fact, witnesses. */
@RestController
@RequestMapping("/api/v1/record")
class RecordApi {

    record Summary(String origin, String verifierKey, long treeSize, String rootHash, String checkpoint, List<Witnesses.Witness> cosigners) {
    }

    record EntryWithProof(long index, String type, Long processId, String subject, String entry, String leafHash,
                          long treeSize, List<String> inclusionProof, String checkpoint) {
    }

    record Consistency(long from, long to, List<String> proof) {
    }

    record NewWitness(Long partyId, @NotBlank @Size(max = 500) String verifierKey) {
    }

    private final PublicRecord record;
    private final Witnesses witnesses;

    RecordApi(PublicRecord record, Witnesses witnesses) {
        this.record = record;
        this.witnesses = witnesses;
    }

    @GetMapping
    Summary summary() {
        LogState s = record.state();
        return new Summary(s.origin(), s.verifierKey(), s.treeSize(), b64(s.rootHash()), s.checkpoint(), witnesses.cosignersOf(s.treeSize()));
    }

    @GetMapping("/entries/{index}")
    EntryWithProof entry(@PathVariable long index) {
        LogState s = record.state();
        PublicRecord.Entry e = record.entryAt(index);
        InclusionProof proof = record.inclusionProof(index, s.treeSize());
        byte[] bytes = e.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new EntryWithProof(index, e.type(), e.processId(), e.subject(), e.json(),
                b64(org.parley.record.merkle.MerkleHasher.leafHash(bytes)), s.treeSize(),
                proof.hashes().stream().map(RecordApi::b64).toList(), s.checkpoint());
    }

    @GetMapping("/consistency")
    Consistency consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        long newSize = to == null ? record.state().treeSize() : to;
        ConsistencyProof p = record.consistencyProof(from, newSize);
        return new Consistency(from, newSize, p.hashes().stream().map(RecordApi::b64).toList());
    }

    @GetMapping("/facts")
    List<PublicRecord.Entry> facts(@RequestParam String subject) {
        return record.entriesAbout(subject);
    }

    @GetMapping("/witnesses")
    List<Witnesses.Witness> witnesses() {
        return witnesses.all();
    }

    @PostMapping("/witnesses")
    @ResponseStatus(HttpStatus.CREATED)
    Witnesses.Witness register(@Valid @RequestBody NewWitness w) {
        return witnesses.register(w.partyId(), w.verifierKey(), Viewer.current());
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
