package io.harpou.samples.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** The dependency rule of the README, checked on the compiled main classes of every module on the class path. */
class DependencyRulesTest {

  // Main classes only, whether a module arrives as a folder or a jar; test classes and test jars are left out.
  private static final JavaClasses HARPOU = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("io.harpou");

  @Test
  void should_see_every_module() {
    org.assertj.core.api.Assertions.assertThat(HARPOU.stream().map(JavaClass::getPackageName).distinct())
        .contains("io.harpou.bridge.vertx.ha", "io.harpou.bridge.vertx.agent",
            "io.harpou.bridge.vertx.models", "io.harpou.bridge.vertx.http",
            "io.harpou.bridge.vertx.voice", "io.harpou.bridge.vertx.speech", "io.harpou.bridge.vertx.memory",
            "io.harpou.bridge.vertx.monitor", "io.harpou.bridge.vertx.mcp", "io.harpou.bridge.vertx.profiles",
            "io.harpou.tools.home", "io.harpou.tools.media", "io.harpou.tools.system", "io.harpou.wyoming");
  }

  @Test
  void should_have_no_package_cycle_other_than_a_package_and_its_impl() {
    // Each slice is a package with its subpackages, so a package and its impl are one slice.
    slices().matching("io.harpou.bridge.vertx.(*)..").should().beFreeOfCycles().check(HARPOU);
    slices().matching("io.harpou.(*)..").should().beFreeOfCycles().check(HARPOU);
  }

  @Test
  void should_keep_tool_modules_off_the_runtime() {
    noClasses().that().resideInAPackage("io.harpou.tools..")
        .should().dependOnClassesThat().resideInAPackage("io.harpou.bridge.vertx..").check(HARPOU);
    noClasses().that().resideInAPackage("io.harpou.wyoming..")
        .should().dependOnClassesThat().resideInAPackage("io.harpou.bridge..").check(HARPOU);
  }

  @Test
  void should_reach_an_impl_package_only_from_the_package_it_implements() {
    classes().should(new ArchCondition<>("reach an impl package only from the package it implements") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          int impl = target.indexOf(".impl");
          if (!target.startsWith("io.harpou.") || impl < 0) {
            continue;
          }
          String owner = target.substring(0, impl);
          String from = origin.getPackageName();
          boolean allowed = from.equals(owner) || from.startsWith(owner + ".");
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    }).check(HARPOU);
  }
}
