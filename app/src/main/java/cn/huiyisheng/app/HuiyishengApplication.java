package cn.huiyisheng.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Huiyisheng (惠一生) benefits eligibility service. */
@SpringBootApplication(scanBasePackages = {"cn.huiyisheng.app", "cn.huiyisheng.processes"})
public class HuiyishengApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuiyishengApplication.class, args);
    }
}
