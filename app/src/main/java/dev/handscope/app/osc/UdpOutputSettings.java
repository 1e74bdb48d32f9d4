package dev.handscope.app.osc;

import java.util.List;

/**
 * Which UDP outputs a run sends to.
 *
 * @param osc     targets for HandScope's OSC address space (empty: none)
 * @param oscRate frames per second at most to each OSC target, 0 for every frame
 * @param vmc     the VMC target, or null
 */
public record UdpOutputSettings(List<UdpTarget> osc, double oscRate, UdpTarget vmc) {
    public UdpOutputSettings {
        osc = List.copyOf(osc);
    }

    public static UdpOutputSettings none() {
        return new UdpOutputSettings(List.of(), 0, null);
    }

    public boolean any() {
        return !osc.isEmpty() || vmc != null;
    }
}
