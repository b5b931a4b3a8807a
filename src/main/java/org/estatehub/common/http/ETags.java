package org.estatehub.common.http;

import org.estatehub.common.problem.ProblemException;

/** Strong ETags carrying a record's version, and the If-Match rules for updates. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * 428 without If-Match (lost updates are never silent), 412 when no listed tag matches the
     * current version.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag from your last read of this record.");
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "The record has changed since you read it (current ETag " + current + "); read it again and retry.");
    }
}
