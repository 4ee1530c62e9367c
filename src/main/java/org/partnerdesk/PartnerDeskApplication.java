package org.partnerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerDeskApplication {
    public static void main(String[] args) {
        SpringApplication.run(PartnerDeskApplication.class, args);
    }
}
