package de.buergerkonto.authserver.secondfactor.manage;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as inline SVG markup, encoded by ZXing. Inline, because the pages' Content Security
 * Policy ({@code default-src 'self'}) blocks {@code data:} images, and an inline {@code <svg>}
 * needs neither a second request nor a style: one path of dark modules, colours as presentation
 * attributes. The SVG is hidden from screen readers; the page says in words what it is and gives
 * the key to type instead.
 */
final class QrCodeSvg {

    /** The quiet zone around the code that scanners need, in modules (ISO/IEC 18004). */
    private static final int QUIET_ZONE = 4;
    private static final int SIZE_PX = 240;

    private QrCodeSvg() {
    }

    /** @param content ASCII text, here an {@code otpauth} URI (percent-encoded, hence ASCII) */
    static String of(String content) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code", e);
        }
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 0;
                while (x + run < size && modules.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" aria-hidden=\"true\" focusable=\"false\""
                + " width=\"" + SIZE_PX + "\" height=\"" + SIZE_PX + "\" viewBox=\"0 0 " + size + " " + size + "\""
                + " shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }
}
