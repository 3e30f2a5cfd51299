package cn.huiyisheng.modulithprobe;

/**
 * A two-module application that breaks the rule {@code ModularityTest} enforces: its claims module
 * writes the grants module's persistence directly. Not a Spring application; only analysed.
 */
@org.springframework.modulith.Modulithic
public final class ProbeApplication {
    private ProbeApplication() {
    }
}
