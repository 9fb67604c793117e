// The indicators of ../shared/INDICATORS.md, one per file in indicators/. Each reads the
// network and its own section of the settings and appends its findings; none writes anything
// else, so they may run in any order. Every finding names the records it rests on.
#pragma once

#include <string>
#include <vector>

#include "risk/finding.h"
#include "risk/network.h"
#include "risk/settings.h"

namespace cairn::risk {

using Indicator = void (*)(const Network&, const Section&, const Settings&, std::vector<Finding>*);

void OfficerChurn(const Network&, const Section&, const Settings&, std::vector<Finding>*);          // C1
void PhoenixPattern(const Network&, const Section&, const Settings&, std::vector<Finding>*);        // C2
void MassRegistration(const Network&, const Section&, const Settings&, std::vector<Finding>*);      // C3
void NomineePattern(const Network&, const Section&, const Settings&, std::vector<Finding>*);        // C4
void OpaqueOwnership(const Network&, const Section&, const Settings&, std::vector<Finding>*);       // C5
void VulnerableSector(const Network&, const Section&, const Settings&, std::vector<Finding>*);      // C6
void NameChurn(const Network&, const Section&, const Settings&, std::vector<Finding>*);             // C7
void YoungCompanyLargeAward(const Network&, const Section&, const Settings&, std::vector<Finding>*);  // C8
void DormantThenTrading(const Network&, const Section&, const Settings&, std::vector<Finding>*);    // C9
void NetworkProximity(const Network&, const Section&, const Settings&, std::vector<Finding>*);      // N1
void CoLocation(const Network&, const Section&, const Settings&, std::vector<Finding>*);            // N2
void FrontBusiness(const Network&, const Section&, const Settings&, std::vector<Finding>*);         // B1
void Exploitation(const Network&, const Section&, const Settings&, std::vector<Finding>*);           // B2
void Licensing(const Network&, const Section&, const Settings&, std::vector<Finding>*);             // L1
void RelatedBidders(const Network&, const Section&, const Settings&, std::vector<Finding>*);        // P1
void YoungSupplierLargeAward(const Network&, const Section&, const Settings&, std::vector<Finding>*);  // P2
void HighRiskCategory(const Network&, const Section&, const Settings&, std::vector<Finding>*);      // P3
void SplitPurchases(const Network&, const Section&, const Settings&, std::vector<Finding>*);        // P4
void SupplierNearSubject(const Network&, const Section&, const Settings&, std::vector<Finding>*);   // P5
void ShellBidder(const Network&, const Section&, const Settings&, std::vector<Finding>*);           // P7

struct IndicatorInfo {
  const char* code;
  const char* title;
  Indicator run;
};

// Every indicator, in code order.
const std::vector<IndicatorInfo>& AllIndicators();

}  // namespace cairn::risk
