package org.prakerja.complaint;

import java.util.Optional;

/**
 * R-80 what an uploaded file is, judged by its first bytes (its magic number), never by its name
 * or by the Content-Type its sender claims: only JPEG, PNG and PDF are kept.
 */
enum FileKind {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    private final String contentType;
    private final byte[] magic;

    FileKind(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    static Optional<FileKind> of(byte[] content) {
        for (FileKind kind : values()) {
            if (content.length > kind.magic.length && startsWith(content, kind.magic)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
