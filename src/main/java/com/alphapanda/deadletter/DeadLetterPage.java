package com.alphapanda.deadletter;

import java.util.List;

/** One page of dead letters, newest first, with the total number matching the filters. */
public record DeadLetterPage(List<DeadLetter> items, long total, int page, int size) {
}
