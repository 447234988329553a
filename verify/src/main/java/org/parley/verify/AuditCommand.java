package org.parley.verify;

import java.util.concurrent.Callable;

import org.parley.record.Checkpoint;
import org.parley.record.tiles.TileReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        description = {"Downloads every entry bundle and tile of the log, recomputes every leaf and tile hash "
                + "bottom-up and the root, and checks them against the signed checkpoint. "
                + "The first discrepancy is named by entry index and path."})
final class AuditCommand implements Callable<Integer> {

    @Mixin
    LogOptions log;

    @Option(names = "--threads", paramLabel = "N",
            description = "Parallel fetch-and-hash workers (default: 2 x available processors for a directory, "
                    + "32 over HTTP, where each worker mostly waits on the network).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        TileReader reader = log.reader();
        Checkpoint checkpoint = log.checkpoint(reader).checkpoint();
        int workers = threads != null ? threads
                : reader instanceof HttpTileReader ? 32 : 2 * Runtime.getRuntime().availableProcessors();
        LogAuditor.Report report = new LogAuditor(reader, workers).audit(checkpoint);
        double seconds = (System.nanoTime() - start) / 1e9;
        var out = spec.commandLine().getOut();
        out.printf("audit passed: %d entries of %s, %d tiles and their entry bundles recomputed in %.1f s%n",
                report.entries(), checkpoint.origin(), report.tiles(), seconds);
        out.println("root: " + Encodings.b64(checkpoint.rootHash()));
        out.flush();
        return VerifyCommand.VERIFIED;
    }
}
