package org.prakerja.complaint;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment as a download: its content type as found by content, always "attachment" (never
 * shown inline by the browser in the portal's origin) and no content sniffing by the browser.
 */
final class AttachmentDownload {

    private AttachmentDownload() {
    }

    static ResponseEntity<byte[]> of(AttachmentFile file) {
        String extension = switch (file.contentType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "pdf";
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("attachment." + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
