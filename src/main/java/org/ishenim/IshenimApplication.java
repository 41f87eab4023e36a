package org.ishenim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "web")
public class IshenimApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "linkage".equals(args[0])) {
            System.exit(org.ishenim.linkage.cli.LinkageCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(IshenimApplication.class, args);
    }
}
