package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.util.Locale;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * R-80 what the filer is told, in the transaction of the act: a participant on the dashboard and
 * by email (the notification module finds their address), someone without an account by email at
 * the contact address they gave.
 */
@Component
class FilerMessages {

    private final Notifications notifications;

    FilerMessages(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The ticket number, which the filer needs to follow the complaint. */
    void filed(Complaints.Row complaint) {
        tell(complaint, Notice.of("COMPLAINT_FILED", complaint.ticket()), "email.complaint-filed", complaint.ticket(),
                complaint.title());
    }

    /** Every status change on the dashboard; every response also by email. */
    void answered(Complaints.Row complaint, ComplaintStatus status, @Nullable String response) {
        var notice = Notice.of("COMPLAINT_" + status.name(), complaint.ticket());
        if (response == null) {
            if (complaint.participantId() != null) {
                notifications.inApp(complaint.participantId(), notice);
            }
            return;
        }
        tell(complaint, notice, "email.complaint-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                complaint.ticket(), response);
    }

    private void tell(Complaints.Row complaint, Notice notice, String emailKey, Object... args) {
        if (complaint.participantId() != null) {
            notifications.inApp(complaint.participantId(), notice);
            notifications.send(Message.email(complaint.participantId(), emailKey, args));
        } else {
            notifications.send(Message.emailTo(complaint.contactEmail(), emailKey, args));
        }
    }
}
