package com.alphapanda.marketfeed;

import com.alphapanda.core.event.MarketTick;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Recorded tick files (the replay formats: CSV and/or JSONL lines, see {@link ReplayFile}) read as one stream in
 * event-time order without holding them in memory: each file is read line by line and the files are merged by
 * timestamp (equal timestamps: the file given first, then file order). Each file must be in timestamp order, as a
 * recording is; a tick earlier than the one before it in its file, a malformed line or an unreadable file is a
 * {@link TickFileException} naming the file and line. A directory stands for its regular files, by name. Not
 * thread-safe.
 */
public final class TickFiles implements Closeable {

    /** A tick file that cannot be used: the message names the file (and line). */
    public static final class TickFileException extends IllegalArgumentException {
        TickFileException(String message) {
            super(message);
        }
    }

    private final List<Cursor> cursors = new ArrayList<>();
    private final PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator
            .comparing((Cursor c) -> c.current.timestamp()).thenComparingInt(c -> c.order));
    private final long totalBytes;

    private TickFiles(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
                cursors.add(new Cursor(file, cursors.size(), Files.newBufferedReader(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                close();
                throw new TickFileException("cannot read tick file " + file + ": " + e.getMessage());
            }
        }
        this.totalBytes = total;
        cursors.forEach(this::advance);
    }

    /** Opens the files (directories expanded); none given, or none found, is a {@link TickFileException}. */
    public static TickFiles open(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    listed.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new TickFileException("cannot list tick directory " + path + ": " + e.getMessage());
                }
            } else if (!Files.isRegularFile(path)) {
                throw new TickFileException("tick file " + path + " does not exist");
            } else {
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            throw new TickFileException("no tick file in " + paths);
        }
        return new TickFiles(files);
    }

    /** The next tick in event-time order, or null at the end of every file. */
    public MarketTick next() {
        Cursor cursor = queue.poll();
        if (cursor == null) {
            return null;
        }
        MarketTick tick = cursor.current;
        advance(cursor);
        return tick;
    }

    /** The characters read so far (lines and their line ends), for progress against {@link #totalBytes()}. */
    public long bytesRead() {
        long read = 0;
        for (Cursor cursor : cursors) {
            read += cursor.read;
        }
        return read;
    }

    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        for (Cursor cursor : cursors) {
            try {
                cursor.reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close tick file " + cursor.file, e);
            }
        }
    }

    private void advance(Cursor cursor) {
        MarketTick previous = cursor.current;
        cursor.current = cursor.nextTick();
        if (cursor.current == null) {
            return;
        }
        if (previous != null && cursor.current.timestamp().isBefore(previous.timestamp())) {
            throw new TickFileException(cursor.file + " line " + cursor.line + ": timestamp "
                    + cursor.current.timestamp() + " is earlier than the previous tick's " + previous.timestamp()
                    + " (a tick file must be in time order)");
        }
        queue.add(cursor);
    }

    /** One file's reading position. */
    private static final class Cursor {
        final Path file;
        final int order;
        final BufferedReader reader;
        MarketTick current;
        long line;
        long read;

        Cursor(Path file, int order, BufferedReader reader) {
            this.file = file;
            this.order = order;
            this.reader = reader;
        }

        MarketTick nextTick() {
            String text;
            try {
                while ((text = reader.readLine()) != null) {
                    line++;
                    read += text.length() + 1;
                    MarketTick tick = parse(text);
                    if (tick != null) {
                        return tick;
                    }
                }
                return null;
            } catch (IOException e) {
                throw new TickFileException("cannot read tick file " + file + " after line " + line + ": "
                        + e.getMessage());
            }
        }

        private MarketTick parse(String text) {
            try {
                return ReplayFile.parseLine(text);
            } catch (IllegalArgumentException e) {
                throw new TickFileException(file + " line " + line + ": " + e.getMessage());
            }
        }
    }
}
