package com.drivenow.installers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the desk client's icon (a white car on a blue tile) and writes it in the three formats
 * jpackage wants: PNG for Linux, ICO for Windows, ICNS for macOS. Drawn at build time so that no
 * binary image has to be kept in the repository and every size stays sharp.
 */
public final class IconGenerator {

    private static final Color TILE_TOP = new Color(0x2F6FEB);
    private static final Color TILE_BOTTOM = new Color(0x1B3F8F);

    private IconGenerator() {
    }

    /** Writes {@code <name>.png}, {@code <name>.ico} and {@code <name>.icns} into the folder given as first argument. */
    public static void main(String[] args) throws IOException {
        // Runs inside the Maven JVM, often on build machines without a display.
        System.setProperty("java.awt.headless", "true");
        Path folder = Files.createDirectories(Path.of(args[0]));
        String name = args.length > 1 ? args[1] : "drivenow";
        byte[] png256 = png(draw(256));
        Files.write(folder.resolve(name + ".png"), png256);
        Files.write(folder.resolve(name + ".ico"), ico(png256));
        Files.write(folder.resolve(name + ".icns"), icns(png256, png(draw(512))));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            // Everything below is drawn on a 100 x 100 grid.
            g.setPaint(new GradientPaint(0, 0, TILE_TOP, 0, 100, TILE_BOTTOM));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));
            g.setColor(Color.WHITE);
            g.fill(carBody());
            g.setColor(TILE_BOTTOM);
            g.fill(new RoundRectangle2D.Double(35, 38, 13, 10, 3, 3));
            g.fill(new RoundRectangle2D.Double(51, 38, 14, 10, 3, 3));
            for (double x : new double[] {31, 69}) {
                g.setColor(TILE_BOTTOM);
                g.fill(new Ellipse2D.Double(x - 10, 58, 20, 20));
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(x - 7, 61, 14, 14));
                g.setColor(TILE_BOTTOM);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Ellipse2D.Double(x - 3.5, 64.5, 7, 7));
            }
            return image;
        } finally {
            g.dispose();
        }
    }

    /** Side view of a hatchback: cabin on top of a rounded body, wheel arches cut out later by the tyres. */
    private static Area carBody() {
        Path2D.Double cabin = new Path2D.Double();
        cabin.moveTo(26, 52);
        cabin.lineTo(34, 35);
        cabin.quadTo(36, 32, 40, 32);
        cabin.lineTo(62, 32);
        cabin.quadTo(66, 32, 68, 35);
        cabin.lineTo(78, 52);
        cabin.closePath();
        Area body = new Area(new RoundRectangle2D.Double(14, 48, 72, 20, 10, 10));
        body.add(new Area(cabin));
        return body;
    }

    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ICO file holding one 256 x 256 PNG (supported by Windows since Vista). */
    static byte[] ico(byte[] png256) {
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png256.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        // Width and height 0 mean 256; no palette; 1 plane; 32 bits per pixel.
        ico.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ico.putShort((short) 1).putShort((short) 32);
        ico.putInt(png256.length).putInt(6 + 16);
        ico.put(png256);
        return ico.array();
    }

    /** An ICNS file with the 256 (ic08) and 512 (ic09) PNG entries macOS reads. */
    static byte[] icns(byte[] png256, byte[] png512) {
        int length = 8 + 8 + png256.length + 8 + png512.length;
        ByteBuffer icns = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        icns.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(length);
        icns.put("ic08".getBytes(StandardCharsets.US_ASCII)).putInt(8 + png256.length).put(png256);
        icns.put("ic09".getBytes(StandardCharsets.US_ASCII)).putInt(8 + png512.length).put(png512);
        return icns.array();
    }
}
