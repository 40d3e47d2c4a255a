/**
 * A plain JVM application that embeds Harpou and teaches it something new: a pool thermometer, as a tool the model
 * can call and an interpreter that answers the question without a model.
 */
package io.harpou.samples.embedded;
