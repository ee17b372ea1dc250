package dev.atrium.web;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** One page of a list, numbered from 1, with what the pagination links need. */
@TemplateData
public record Page<T>(List<T> items, int number, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    public int previous() {
        return number - 1;
    }

    public int next() {
        return number + 1;
    }
}
