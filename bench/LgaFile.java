import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a land and building assets register in the LGA schema, as a council's spreadsheet exports it:
 * Windows-1252, CRLF, British National Grid coordinates (CoordinateReferenceSystem OSGB36), with the quirks of
 * published files (a third of the rows without coordinates, "Freehold" + a non-breaking space, £ signs and
 * accented names, published TenureDetail/HoldingType wordings, OtherDetail). Same seed, same bytes.
 *
 *   java bench/LgaFile.java OUT [ROWS=100000] [SEED=15] [ORGANISATION="Maidstone Borough Council"]
 */
public class LgaFile {

    static final String HEADER = "OrganisationURI,OrganisationLabel,Organisation,EffectiveDate,UPRN,AssetCode,"
            + "PropertyName,StreetNumber,StreetName,PostTown,PostCode,CoordinateReferenceSystem,GeoX,GeoY,"
            + "TenureType,TenureDetail,OtherDetail,HoldingType,BuildingSize,LandArea,EnergyRating";
    static final String[] TENURE = {"Freehold", "Freehold\u00A0", "Leasehold", "Leasehold ", "Chattel", ""};
    static final String[] DETAIL = {"Owner Occupied", "Occupied by local authority", "Let", "Licence", "Vacant",
        "Sub-let", "Held in trust"};
    static final String[] HOLDING = {"Land and Building", "Buildings", "Land", "\"Parks, Gardens and open space\""};
    static final String[] EPC = {"A", "B", "C", "D", "E", "F", "G", "N/A", "", "EPC C", "C (62)"};
    static final String[] NAMES = {"Café", "Community Centre", "Depot", "Car Park", "Crèche", "Allotments",
        "Public Conveniences", "Pavilion", "Offices", "Open Space"};
    static final String[] STREETS = {"King Street", "Week Street", "High Street", "Union Street", "Mill Street",
        "Barker Road", "Tonbridge Road", "London Road", "Sutton Road", "Loose Road"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 15;
        String organisation = args.length > 3 ? args[3] : "Maidstone Borough Council";
        Random random = new Random(seed);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
                Charset.forName("windows-1252")), 1 << 16)) {
            w.write(HEADER);
            w.write("\r\n");
            for (int i = 0; i < rows; i++) {
                boolean located = random.nextInt(3) != 0;
                StringBuilder line = new StringBuilder(256);
                line.append("http://opendatacommunities.org/id/district-council/maidstone,")
                        .append(organisation).append(",Maidstone,31/03/2024,")
                        .append(100_000_000_000L + seed * 1_000_000L + i).append(',')
                        .append("MBC/").append(String.format("%06d", i)).append(',')
                        .append(NAMES[i % NAMES.length]).append(' ').append(i).append(',')
                        .append(1 + random.nextInt(200)).append(',')
                        .append(STREETS[random.nextInt(STREETS.length)]).append(",Maidstone,")
                        .append("ME").append(1 + random.nextInt(20)).append(' ').append(random.nextInt(10))
                        .append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(26)))
                        .append(',');
                if (located) {
                    line.append("OSGB36,").append(560_000 + random.nextInt(40_000)).append('.')
                            .append(String.format("%02d", random.nextInt(100))).append(',')
                            .append(140_000 + random.nextInt(30_000)).append('.')
                            .append(String.format("%02d", random.nextInt(100))).append(',');
                } else {
                    line.append(",,,");
                }
                line.append(TENURE[random.nextInt(TENURE.length)]).append(',')
                        .append(DETAIL[random.nextInt(DETAIL.length)]).append(',')
                        .append(random.nextInt(4) == 0 ? "Rent £" + (1 + random.nextInt(90)) + ",000 a year" : "")
                        .append(',');
                // The OtherDetail above has a comma: quote it.
                int other = line.lastIndexOf("Rent £");
                if (other >= 0) {
                    line.insert(other, '"').insert(line.length() - 1, '"');
                }
                line.append(HOLDING[random.nextInt(HOLDING.length)]).append(',')
                        .append(random.nextInt(2) == 0 ? "\"" + (1 + random.nextInt(9)) + "," + (100 + random.nextInt(900)) + "\"" : "")
                        .append(',')
                        .append(random.nextInt(2) == 0 ? String.valueOf(random.nextInt(5000) / 1000.0) : "")
                        .append(',')
                        .append(EPC[random.nextInt(EPC.length)]);
                w.append(line).append("\r\n");
            }
        }
    }
}
