package org.parley.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The SMTP path: outbox rows go out through a real SMTP conversation (GreenMail), once, and are marked sent. */
@ParleyTest
class MailDispatcherTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void outboxMailIsSentThroughSmtpOnce() throws Exception {
        String to = "smtp." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        tx.executeWithoutResult(s -> outbox.enqueue(null, to, "Confirm your signature: Корідори", "Open https://parley.example/petitions/signature?t=abc"));
        SmtpMail via = new SmtpMail("127.0.0.1", smtp.getSmtp().getPort(), null, null, false, "parley@parley.example");
        dispatcher.sendPending(via, 10_000);
        dispatcher.sendPending(via, 10_000);
        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Confirm your signature: Корідори");
        assertThat(GreenMailUtil.getBody(received[0])).contains("petitions/signature?t=abc");
        assertThat(jdbc.sql("SELECT sent_at IS NOT NULL FROM mail_outbox WHERE recipient = ?").param(to).query(Boolean.class).single()).isTrue();
        assertThat(dispatcher.sending()).as("no host is configured in tests: the outbox page is the default").isFalse();
    }
}
