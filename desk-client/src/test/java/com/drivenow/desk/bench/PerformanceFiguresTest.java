package com.drivenow.desk.bench;

import com.drivenow.desk.DeskContext;
import com.drivenow.desk.SyntheticFleet;
import com.drivenow.desk.Theme;
import com.drivenow.desk.api.Car;
import com.drivenow.desk.booking.BookingFlows;
import com.drivenow.desk.fleet.FleetBoard;
import com.drivenow.desk.planner.PlannerView;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the desk's figures for issue 6 (5,000 cars on the fleet board, a 1,000-car planner scrolled
 * frame by frame). Timings are printed, never asserted: machines differ; what is asserted is that the
 * screens show what they should.
 */
@ExtendWith(ApplicationExtension.class)
class PerformanceFiguresTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.apply(false);
    }

    @Test
    void fleetBoardWithFiveThousandCars(FxRobot robot) throws Exception {
        DeskContext context = SyntheticFleet.context(Clock.systemUTC());
        List<Car> cars = SyntheticFleet.cars(5_000);
        onFx(() -> {
            show(new FleetBoard(context));
            settle();
        });
        long loaded = onFx(() -> {
            context.fleet().replaceAll(cars);
            settle();
        });
        TableView<?> table = robot.lookup("#fleet-table").queryTableView();
        TextField search = robot.lookup("#fleet-search").query();
        String typed = "B-DN 12";
        long[] keystrokes = new long[typed.length()];
        for (int i = 0; i < typed.length(); i++) {
            String soFar = typed.substring(0, i + 1);
            keystrokes[i] = onFxMicros(() -> {
                search.setText(soFar);
                settle();
            });
        }
        assertThat(table.getItems()).hasSize(cars.stream().filter(c -> c.plate().contains("B-DN 12")).toList().size());
        long cleared = onFx(() -> {
            search.setText("");
            settle();
        });
        assertThat(table.getItems()).hasSize(5_000);
        assertThat(table.getItems()).extracting(c -> ((Car) c).plate()).isSorted();
        System.out.printf("FIGURE fleet board, 5,000 cars: loaded and laid out in %d ms; typing a %d-letter filter: "
                        + "each keystroke filtered and laid out in median %.1f ms, max %.1f ms; filter cleared in %d ms%n",
                loaded, typed.length(), percentile(keystrokes, 50), percentile(keystrokes, 100), cleared);
    }

    @Test
    void plannerWithAThousandCarsScrolls(FxRobot robot) throws Exception {
        Clock clock = Clock.systemUTC();
        DeskContext context = SyntheticFleet.context(clock);
        List<Car> cars = SyntheticFleet.cars(1_000, context.session().branch().code());   // the planner shows its branch's cars
        var start = context.session().times().startOfDay(context.session().times().localDate(clock.instant()));
        onFx(() -> {
            show(new PlannerView(context, new BookingFlows(context)));
            settle();
        });
        long loaded = onFx(() -> {
            context.fleet().replaceAll(cars);
            context.bookings().replaceAll(SyntheticFleet.bookings(cars, start));
            settle();
        });
        ListView<?> rows = robot.lookup("#planner-rows").queryListView();
        assertThat(rows.getItems()).hasSizeGreaterThan(800);        // retired cars are left out

        int frames = 120;
        long[] layoutMicros = new long[frames];
        long[] renderedMicros = new long[frames];
        for (int frame = 0; frame < frames; frame++) {
            int first = frame * 7;
            layoutMicros[frame] = onFxMicros(() -> {
                rows.scrollTo(first);
                settle();
            });
            renderedMicros[frame] = onFxMicros(() -> stage.getScene().snapshot(null));
        }
        System.out.printf("FIGURE planner, %d cars x 14 days: loaded and laid out in %d ms; per scroll frame (%d frames of 7 rows): "
                        + "scroll+layout+draw median %.1f ms, p95 %.1f ms, max %.1f ms; software render of the window median %.1f ms%n",
                rows.getItems().size(), loaded, frames, percentile(layoutMicros, 50), percentile(layoutMicros, 95),
                percentile(layoutMicros, 100), percentile(renderedMicros, 50));
    }

    private void show(Parent screen) {
        Scene scene = new Scene(screen, 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void settle() {
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
    }

    private static long onFx(Runnable work) throws Exception {
        return onFxMicros(work) / 1000;
    }

    private static long onFxMicros(Runnable work) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            long started = System.nanoTime();
            work.run();
            return (System.nanoTime() - started) / 1000;
        }).get();
    }

    private static double percentile(long[] micros, int percent) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
