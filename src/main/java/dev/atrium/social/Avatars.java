package dev.atrium.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Avatars drawn here, with no request to a third party (a Gravatar link would tell another site who reads
 * which profile): a five-by-five pattern, mirrored like a face, and two colours, all taken from a SHA-256 of
 * the account's id. Nothing the user typed goes into the SVG; it is made only of numbers formatted here.
 */
final class Avatars {

    private static final int CELLS = 5;

    private Avatars() {
    }

    static String svg(long accountId) {
        byte[] hash = sha256("atrium-avatar:" + accountId);
        int hue = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % 360;
        StringBuilder svg = new StringBuilder(1024)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(CELLS + 1).append(' ').append(CELLS + 1)
                .append("\" width=\"96\" height=\"96\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(CELLS + 1).append("\" height=\"").append(CELLS + 1)
                .append("\" fill=\"hsl(").append(hue).append(",45%,92%)\"/>")
                .append("<g fill=\"hsl(").append(hue).append(",55%,38%)\">");
        // three columns decided by the hash, the last two mirroring the first two
        for (int row = 0; row < CELLS; row++) {
            for (int column = 0; column < (CELLS + 1) / 2; column++) {
                int bit = row * 3 + column;
                if ((hash[2 + bit / 8] >> (bit % 8) & 1) == 1) {
                    cell(svg, column, row);
                    if (column != CELLS - 1 - column) {
                        cell(svg, CELLS - 1 - column, row);
                    }
                }
            }
        }
        return svg.append("</g></svg>").toString();
    }

    private static void cell(StringBuilder svg, int column, int row) {
        // half a cell of margin all round
        svg.append("<rect x=\"").append(column).append(".5\" y=\"").append(row).append(".5\" width=\"1\" height=\"1\"/>");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
