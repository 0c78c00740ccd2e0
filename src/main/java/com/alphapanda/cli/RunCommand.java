package com.alphapanda.cli;

import com.alphapanda.AlphaPandaApplication;
import com.alphapanda.core.platform.ConsoleFailureReporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alpha-panda run}: starts the platform and runs until stopped (Ctrl-C or SIGTERM). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the platform. Kafka, PostgreSQL and Redis run embedded unless their connection is "
                + "configured (spring.kafka.bootstrap-servers, spring.datasource.url, spring.data.redis.url/host)."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--fresh", description = "Use a temporary data directory, removed at exit.")
    boolean fresh;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where embedded servers keep their data (default: ~/.alpha-panda).")
    Path dataDir;

    @CommandLine.Unmatched
    List<String> unmatched;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(SpringArguments.check(spec.commandLine(), unmatched));
        if (fresh) {
            args.add("--alpha-panda.embedded.storage=temporary");
        }
        if (dataDir != null) {
            args.add("--alpha-panda.data-dir=" + dataDir.toAbsolutePath());
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(AlphaPandaApplication.class).run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (!ConsoleFailureReporter.wasReported(e)) {
                ConsoleFailureReporter.reportUnanalysed(e, System.err);
            }
            return 1;
        }
        awaitClose(context);
        return 0;
    }

    private static void awaitClose(ConfigurableApplicationContext context) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        while (context.isActive() && !closed.await(1, TimeUnit.SECONDS)) {
            // keep the main thread until the context closes
        }
    }
}
