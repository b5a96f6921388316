package org.prakerja.complaint;

import jakarta.annotation.Nullable;

/** R-80 what a filer writes. Shape (lengths, blanks) is checked where it is read (the API's request, a form). */
record NewComplaint(ComplaintCategory category, String title, String description, @Nullable String reference) {
}
