package org.estatehub.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.testing.Api;
import org.estatehub.testing.Contract;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every operation of the contract x every kind of caller x the caller's own record, another partner's
 * shared record and another partner's OWNER_ONLY record, with real Keycloak tokens. The expected statuses
 * are written out as one table per feature (one row per operation and record, one column per caller), not
 * derived from the service's rules; each feature's table sits with the requests that exercise it
 * ({@link PartnersMatrix}, {@link AssetsMatrix}, {@link ProjectsMatrix}, {@link FundingMatrix},
 * {@link MousMatrix}, {@link MonitoringMatrix}, {@link HistoryMatrix}, {@link LocalAuthoritiesMatrix},
 * {@link DataQualityMatrix}, {@link BrownfieldMatrix}, {@link DisposalsMatrix}, {@link LandReleaseMatrix},
 * {@link OccupationsMatrix}, {@link OpportunitiesMatrix}, {@link WorkspacesMatrix}, {@link WebhooksMatrix}), the
 * checks they share in
 * {@link TenancyMatrix}. After every refused write the record is read again by the programme office and
 * must be byte-for-byte what it was; after every refused read or list the answer must not contain the
 * record; nothing a refused create sends is found afterwards. Which of a project's fields each caller reads
 * in each read path: {@link TenancyFieldMatrixTest}.
 */
@QuarkusTest
class TenancyMatrixTest {

    /** Each feature's table, by the feature's name. */
    static final Map<String, List<Row>> TABLES = Map.ofEntries(
            Map.entry("partners", PartnersMatrix.TABLE),
            Map.entry("assets", AssetsMatrix.TABLE),
            Map.entry("projects", ProjectsMatrix.TABLE),
            Map.entry("funding", FundingMatrix.TABLE),
            Map.entry("mous", MousMatrix.TABLE),
            Map.entry("monitoring", MonitoringMatrix.TABLE),
            Map.entry("history", HistoryMatrix.TABLE),
            Map.entry("local authorities", LocalAuthoritiesMatrix.TABLE),
            Map.entry("data quality", DataQualityMatrix.TABLE),
            Map.entry("brownfield sites", BrownfieldMatrix.TABLE),
            Map.entry("disposals", DisposalsMatrix.TABLE),
            Map.entry("land release", LandReleaseMatrix.TABLE),
            Map.entry("occupations", OccupationsMatrix.TABLE),
            Map.entry("opportunities", OpportunitiesMatrix.TABLE),
            Map.entry("workspaces", WorkspacesMatrix.TABLE),
            Map.entry("webhooks", WebhooksMatrix.TABLE),
            Map.entry("onboarding", java.util.stream.Stream.concat(OnboardingMatrix.TABLE.stream(),
                    OnboardingMatrix.NONE_TABLE.stream()).toList()));

    /** Every operationId of the contract must appear in a table: a new operation fails until it is added. */
    static final List<String> CONTRACT_OPERATIONS = List.of("getMe", "listPartners", "createPartner", "getPartner",
            "updatePartner", "searchAssets", "createAsset", "getAsset", "updateAsset", "disposeAsset",
            "getAssetStatusHistory", "findCoLocationOpportunities", "importAssets", "exportAssets", "getAssetTile", "listProjects",
            "createProject", "getProjectOutcomeTotals", "getProject", "updateProject", "listProjectStageChanges",
            "changeProjectStage", "addMilestone", "updateMilestone",
            "getPartnerHistory", "getAssetHistory", "getProjectHistory", "listChangeEvents",
            "listProgrammes", "listFundingRounds", "createFundingRound", "getFundingRound", "updateFundingRound",
            "getFundingRoundHistory", "listBids", "createBid", "getBid", "updateBid", "signOffBid", "submitBid",
            "decideBid", "getBidHistory", "listAwards", "exportAwards", "getAward", "getAwardHistory", "listClaims", "getClaim",
            "submitClaim", "approveClaim", "rejectClaim", "listPayments", "recordPayment", "getFundingSummary",
            "listMous", "createMou", "getMouCoverage", "getMou", "changeMouStatus", "getMouHistory",
            "listMonitoringReturns", "submitMonitoringReturn", "previewMonitoringReturn", "getMonitoringReturn",
            "getFundingDashboard", "getPipelineDashboard", "getAssetDashboard", "getMouCoverageDashboard",
            "listLocalAuthorities", "getLocalAuthority", "getDataQuality",
            "searchBrownfieldSites", "getBrownfieldSite", "updateBrownfieldSiteLinks", "setBrownfieldSiteBoundary",
            "deleteBrownfieldSiteBoundary", "importBrownfieldSites",
            "exportBrownfieldSites",
            "listDisposals", "declareDisposal", "exportDisposals", "getDisposal", "getDisposalHistory",
            "agreeDisposalTransfer", "releaseDisposalToOpenMarket", "withdrawDisposal", "completeDisposal",
            "listDisposalInterests", "registerDisposalInterest", "getDisposalInterest", "getDisposalInterestHistory",
            "shortlistDisposalInterest", "declineDisposalInterest", "withdrawDisposalInterest",
            "getHomesDelivered", "recordHomesDelivered", "getLandReleaseDashboard",
            "listAssetOccupations", "createOccupation", "getOccupation", "updateOccupation", "getOccupationHistory",
            "findOccupationOpportunities",
            "listOccupationLeaseEvents", "listUnderUsedOccupations", "getOccupationDashboard",
            "listWorkspaces", "createWorkspace", "getWorkspace", "setWorkspaceAllocation", "bookDesk", "cancelDeskBooking",
            "listDeskBookings", "getWorkspaceUse",
            "listWebhookSubscriptions", "createWebhookSubscription", "getWebhookSubscription",
            "updateWebhookSubscription", "deleteWebhookSubscription", "changeWebhookSubscriptionStatus",
            "rotateWebhookSubscriptionSecret", "replayWebhookSubscription", "listWebhookDeliveries",
            "listPartnerMembers", "invitePartnerMember", "getPartnerMember", "removePartnerMember", "grantPartnerRole",
            "withdrawPartnerRole", "getPartnerIdentityProvider", "setPartnerIdentityProvider",
            "removePartnerIdentityProvider", "getPartnerAccessHistory", "checkIdentityConsistency",
            "repairIdentityConsistency");

    @Test
    void everyContractOperationIsInTheTable() throws Exception {
        Matcher m = Pattern.compile("operationId: (\\w+)").matcher(Files.readString(Contract.SPEC));
        List<String> inContract = new ArrayList<>();
        while (m.find()) {
            inContract.add(m.group(1));
        }
        List<String> inTables = TABLES.values().stream().flatMap(List::stream).map(Row::operation).distinct().toList();
        List<String> missing = inContract.stream().filter(op -> !inTables.contains(op)).toList();
        assertTrue(missing.isEmpty(), "operations of the contract missing from the tenancy matrix: " + missing);
        assertEquals(inContract.stream().sorted().toList(), CONTRACT_OPERATIONS.stream().sorted().toList());
    }

    /**
     * The matrix's callers carry their partner the way every token of the realm does (issue #18): as the
     * one Keycloak organization they belong to, with no hand-set partner_id claim beside it.
     */
    @Test
    void everyCallersTokenNamesItsPartnerByItsOrganization() {
        for (TenancyMatrix.Caller caller : TenancyMatrix.Caller.values()) {
            String token = caller.user != null ? Keycloak.userToken(caller.user)
                    : Keycloak.clientToken(caller.client, caller.client.equals("maidstone-system")
                            ? Api.MAIDSTONE_SYSTEM_SECRET : Api.KENT_POLICE_SYSTEM_SECRET);
            JsonPath claims = Keycloak.claims(token);
            assertEquals(List.of(caller.partner), claims.getList("organization"), caller.label);
            assertNull(claims.get("partner_id"), caller.label);
        }
    }

    static Stream<Case> onboarding() {
        return TenancyMatrix.cases(TABLES.get("onboarding"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onboarding")
    void onboarding(Case c) {
        OnboardingMatrix.exercise(c);
    }

    static Stream<OnboardingMatrix.AdminCase> onboardingAsPartnerAdmin() {
        return Stream.concat(OnboardingMatrix.PARTNER_ADMIN_TABLE.stream(), OnboardingMatrix.PARTNER_ADMIN_NONE.stream());
    }

    /** A partner's own partner-admin, a caller the other tables do not have: its partner only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("onboardingAsPartnerAdmin")
    void onboardingAsPartnerAdmin(OnboardingMatrix.AdminCase c) {
        OnboardingMatrix.exercise(c);
    }

    static Stream<Case> partners() {
        return TenancyMatrix.cases(PartnersMatrix.TABLE);
    }

    static Stream<Case> assets() {
        return TenancyMatrix.cases(AssetsMatrix.TABLE);
    }

    static Stream<Case> projects() {
        return TenancyMatrix.cases(ProjectsMatrix.TABLE);
    }

    static Stream<Case> funding() {
        return TenancyMatrix.cases(FundingMatrix.TABLE);
    }

    static Stream<Case> mous() {
        return TenancyMatrix.cases(MousMatrix.TABLE);
    }

    static Stream<Case> monitoring() {
        return TenancyMatrix.cases(MonitoringMatrix.TABLE);
    }

    static Stream<Case> history() {
        return TenancyMatrix.cases(HistoryMatrix.TABLE);
    }

    static Stream<Case> localAuthorities() {
        return TenancyMatrix.cases(LocalAuthoritiesMatrix.TABLE);
    }

    static Stream<Case> dataQuality() {
        return TenancyMatrix.cases(DataQualityMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partners")
    void partners(Case c) {
        PartnersMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assets")
    void assets(Case c) {
        AssetsMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void projects(Case c) {
        ProjectsMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("funding")
    void funding(Case c) {
        FundingMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mous")
    void mous(Case c) {
        MousMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitoring")
    void monitoring(Case c) {
        MonitoringMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("history")
    void history(Case c) {
        HistoryMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localAuthorities")
    void localAuthorities(Case c) {
        LocalAuthoritiesMatrix.exercise(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataQuality")
    void dataQuality(Case c) {
        DataQualityMatrix.exercise(c);
    }

    static Stream<Case> brownfieldSites() {
        return TenancyMatrix.cases(BrownfieldMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brownfieldSites")
    void brownfieldSites(Case c) {
        BrownfieldMatrix.exercise(c);
    }

    static Stream<Case> disposals() {
        return TenancyMatrix.cases(DisposalsMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disposals")
    void disposals(Case c) {
        DisposalsMatrix.exercise(c);
    }

    static Stream<Case> landRelease() {
        return TenancyMatrix.cases(LandReleaseMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landRelease")
    void landRelease(Case c) {
        LandReleaseMatrix.exercise(c);
    }

    static Stream<Case> occupations() {
        return TenancyMatrix.cases(OccupationsMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("occupations")
    void occupations(Case c) {
        OccupationsMatrix.exercise(c);
    }

    static Stream<Case> opportunities() {
        return TenancyMatrix.cases(OpportunitiesMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opportunities")
    void opportunities(Case c) {
        OpportunitiesMatrix.exercise(c);
    }

    static Stream<Case> workspaces() {
        return TenancyMatrix.cases(WorkspacesMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workspaces")
    void workspaces(Case c) {
        WorkspacesMatrix.exercise(c);
    }

    static Stream<Case> webhooks() {
        return TenancyMatrix.cases(WebhooksMatrix.TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void webhooks(Case c) {
        WebhooksMatrix.exercise(c);
    }
}
