package io.testgen.testkit.sites.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One app's hand-written fault catalogue and the one fault switched on, if any. The app's handlers
 * ask {@link #on} where a fault changes what they do; healed (the default), the app behaves exactly
 * as it always did. Thread-safe: the switch is read by the server's threads.
 */
public final class FaultSwitch {
  private final Map<String, HandFault> catalogue = new LinkedHashMap<>();
  private volatile String active;

  public FaultSwitch(HandFault... faults) {
    for (HandFault f : faults)
      if (catalogue.put(f.id(), f) != null)
        throw new IllegalArgumentException("fault listed twice: " + f.id());
  }

  /** The catalogue, in the order the app lists it. */
  public List<HandFault> catalogue() {
    return List.copyOf(catalogue.values());
  }

  /** Switches fault {@code id} on (and any other off); an id not in the catalogue throws. */
  public void inject(String id) {
    if (!catalogue.containsKey(id))
      throw new IllegalArgumentException("no hand fault " + id + " in " + catalogue.keySet());
    active = id;
  }

  /** Switches every fault off. */
  public void heal() {
    active = null;
  }

  /** Whether fault {@code id} is the one switched on. */
  public boolean on(String id) {
    return id.equals(active);
  }

  /** The fault switched on, or null. */
  public String active() {
    return active;
  }
}
