package org.ishenim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "web")
public class IshenimApplication {

    public static void main(String[] args) {
        SpringApplication.run(IshenimApplication.class, args);
    }
}
