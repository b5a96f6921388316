package org.prakerja.complaint;

import java.util.Arrays;

/** Small files of each kind, made of their magic numbers and filler: content is what is judged. */
final class Files {

    private Files() {
    }

    static byte[] png() {
        return withHead(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 2000);
    }

    static byte[] jpeg() {
        return withHead(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 3000);
    }

    static byte[] pdf() {
        return withHead("%PDF-1.7\n".getBytes(), 4000);
    }

    static byte[] text() {
        return "Ini hanya teks biasa, bukan gambar.\n".repeat(20).getBytes();
    }

    static byte[] withHead(byte[] head, int size) {
        byte[] file = Arrays.copyOf(head, size);
        for (int i = head.length; i < size; i++) {
            file[i] = (byte) (i * 31);
        }
        return file;
    }
}
