/** Status reports: the RAG rules per dimension (docs/monitoring.md, "Status reports"). */
export * from "./status-report-rag";
