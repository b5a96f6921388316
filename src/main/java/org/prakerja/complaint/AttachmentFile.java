package org.prakerja.complaint;

/** An attachment's content, with the type its content was found to be. */
record AttachmentFile(String contentType, byte[] content) {

    @Override
    public String toString() {
        return "AttachmentFile[" + contentType + ", " + content.length + " bytes]";
    }
}
