package com.alphapanda.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The report as JSON ({@code --json FILE}): the {@link BenchReport} records, field for field. */
public final class ReportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    public static String toJson(BenchReport report) {
        return MAPPER.writeValueAsString(report);
    }

    public static void write(BenchReport report, Path file) {
        try {
            Files.writeString(file, toJson(report) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
