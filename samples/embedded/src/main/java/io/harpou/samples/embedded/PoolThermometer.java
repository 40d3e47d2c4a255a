package io.harpou.samples.embedded;

/** The application's own device: a pool thermometer it reads over its own link (here, a fixed reading). */
public final class PoolThermometer {

  private volatile double celsius = 26.5;

  /** The latest reading, in degrees Celsius. */
  public double celsius() {
    return celsius;
  }

  /** Records a new reading. */
  public void update(double reading) {
    celsius = reading;
  }
}
