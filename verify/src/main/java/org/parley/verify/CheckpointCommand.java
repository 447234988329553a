package org.parley.verify;

import java.util.concurrent.Callable;

import org.parley.record.Checkpoint;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "checkpoint", description = "Fetches the log's checkpoint and verifies its signature.")
final class CheckpointCommand implements Callable<Integer> {

    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Checkpoint checkpoint = log.checkpoint(log.reader()).checkpoint();
        var out = spec.commandLine().getOut();
        out.println("origin: " + checkpoint.origin());
        out.println("size: " + checkpoint.size());
        out.println("root: " + Encodings.b64(checkpoint.rootHash()));
        for (String extension : checkpoint.extensions()) {
            out.println("extension: " + extension);
        }
        out.flush();
        return VerifyCommand.VERIFIED;
    }
}
